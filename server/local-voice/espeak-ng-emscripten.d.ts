// The package ships no types; espeak.ts describes the small part of its API it uses.
declare module "@echogarden/espeak-ng-emscripten" {
  export default function createModule(options?: object): Promise<unknown>;
}
