/** What the "Your data" screen calls: the work (and fflate) loads on the first tap. */
import { lazyActions, loadOnce } from '../../platform/lazy.ts';
import type { ExportActions } from './engine.ts';

export const exportActions = lazyActions<ExportActions>(
  loadOnce(() => import('./engine.ts').then((m) => m.actions)),
  { readableCopy: true, encryptedCopy: true, previewImport: true, addToJustMe: true },
);
