/**
 * The microphone or line input as a source. The browser's voice processing is switched off
 * (echo cancellation, noise suppression, automatic gain control): each would change the
 * very level and spectrum the simulation is about.
 *
 * With voice processing off nothing stops a loop from the speakers into the microphone,
 * so the engine reports FEEDBACK_WARNING for the app to show (headphones avoid it).
 */
import type { IAudioContext, IMediaStreamAudioSourceNode } from 'standardized-audio-context';
import type { EngineContext, EngineNode } from './context-types.ts';

export const FEEDBACK_WARNING = 'The microphone is live and voice processing is off: on loudspeakers the sound can feed back into the microphone and howl. Use headphones, or keep the listening level low.';

export const MICROPHONE_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  video: false,
};

/** A sentence the app can show for a getUserMedia failure. */
export function microphoneErrorMessage(error: unknown): string {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `Microphone access was denied${detail}: allow the microphone for this page in the browser's site settings, then try again.`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `No microphone or line input was found${detail}: connect one and try again.`;
    case 'NotReadableError':
    case 'AbortError':
      return `The microphone could not be opened${detail}: another application may be using it.`;
    default:
      return `The microphone could not be started: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export interface LiveInput {
  node: IMediaStreamAudioSourceNode<IAudioContext>;
  stream: MediaStream;
  stop(): void;
}

export async function openMicrophone(context: EngineContext, output: EngineNode): Promise<LiveInput> {
  if (!('createMediaStreamSource' in context)) throw new Error('The microphone needs a live AudioContext (this one renders offline).');
  const media = globalThis.navigator?.mediaDevices;
  if (!media?.getUserMedia) throw new Error('This browser offers no microphone input here (getUserMedia needs a secure page: https or localhost).');
  let stream: MediaStream;
  try {
    stream = await media.getUserMedia(MICROPHONE_CONSTRAINTS);
  } catch (error) {
    throw new Error(microphoneErrorMessage(error), { cause: error });
  }
  const node = (context as IAudioContext).createMediaStreamSource(stream);
  node.connect(output);
  return {
    node,
    stream,
    stop() {
      node.disconnect();
      for (const track of stream.getTracks()) track.stop();
    },
  };
}
