/**
 * The listening guide (src/shared/listening.ts), validated once at import like the library. The
 * browser (listening screens only), the content check and the tests import this one copy.
 */
import { CONTENT_PRECHECKED } from '../src/shared/content.ts';
import { parseListeningGuide, type GuideTopic, type ListeningGuide, type ListeningTopic } from '../src/shared/listening.ts';
import guide from './listening/guide.json' with { type: 'json' };

export const LISTENING_GUIDE_FILE = { file: 'listening/guide.json', data: guide as unknown };

export const LISTENING_GUIDE: ListeningGuide = CONTENT_PRECHECKED ? (guide as ListeningGuide) : parseListeningGuide(LISTENING_GUIDE_FILE.file, LISTENING_GUIDE_FILE.data);

export function guideTopic(id: ListeningTopic): GuideTopic {
  const topic = LISTENING_GUIDE.topics.find((t) => t.id === id);
  if (!topic) throw new Error(`no listening topic ${id}`);
  return topic;
}
