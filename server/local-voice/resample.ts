// eSpeak NG speaks at 22.05 kHz; Inworld callers ask for 44.1 kHz (or another MP3 rate). Linear
// interpolation is enough for upsampling eSpeak's formant speech and costs far less than the encoder.
// Downsampling this way aliases a little; LAME's own lowpass keeps it quiet enough for a local voice.

export function resampleLinear(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0)) throw new RangeError(`sample rates must be positive, got ${fromRate} → ${toRate}`);
  if (fromRate === toRate || input.length === 0) return input.slice();
  const outputLength = Math.round((input.length * toRate) / fromRate);
  const output = new Float32Array(outputLength);
  const step = fromRate / toRate;
  const last = input.length - 1;
  for (let i = 0; i < outputLength; i++) {
    const position = i * step;
    const left = Math.floor(position);
    if (left >= last) {
      output[i] = input[last];
      continue;
    }
    const fraction = position - left;
    output[i] = input[left] + (input[left + 1] - input[left]) * fraction;
  }
  return output;
}
