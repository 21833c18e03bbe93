import "./tts-wave-animation.css";

/** Four bars that dance while the voice speaks and rest when it does not. */
export function TTSWaveAnimation({ playing }: { playing: boolean }) {
  return (
    <span className="wave" data-slot="tts-wave" data-status={playing ? "playing" : "paused"} aria-hidden="true">
      <span />
      <span />
      <span />
      <span />
    </span>
  );
}
