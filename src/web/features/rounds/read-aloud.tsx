import { readAloudSegments } from '../../../shared/read-aloud.ts';

/** Text as it is read aloud to the partner(s): "my partner" becomes "you", the changed words marked. */
export function ReadAloud({ text }: { text: string }) {
  return (
    <>
      {readAloudSegments(text).map((s, i) => (s.rewritten ? <mark key={i} class="rewritten">{s.text}</mark> : s.text))}
    </>
  );
}

export function hasRewrite(text: string): boolean {
  return readAloudSegments(text).some((s) => s.rewritten);
}
