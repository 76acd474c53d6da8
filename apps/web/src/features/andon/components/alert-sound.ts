let context: AudioContext | undefined;

/**
 * Three short beeps through Web Audio (no sound file to load). Browsers allow audio only after a
 * user gesture on the page: the board asks for one tap to arm the sound.
 */
export function playCriticalAlert(): void {
  if (typeof window === 'undefined' || typeof window.AudioContext === 'undefined') return;
  context ??= new window.AudioContext();
  const audio = context;
  if (audio.state === 'suspended') void audio.resume();
  const start = audio.currentTime;
  for (let i = 0; i < 3; i++) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start + i * 0.3);
    gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.3 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.3 + 0.2);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + i * 0.3);
    oscillator.stop(start + i * 0.3 + 0.22);
  }
}

/** Unlocks audio from a click handler. */
export function armAlertSound(): void {
  if (typeof window === 'undefined' || typeof window.AudioContext === 'undefined') return;
  context ??= new window.AudioContext();
  void context.resume();
}
