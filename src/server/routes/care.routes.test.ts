import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CareSettings, parseHelpResources } from '../../shared/help-resources.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

const EXAMPLE = parseHelpResources(readFileSync(new URL('../../../docs/help-resources.example.json', import.meta.url), 'utf8'));

describeEachDatabase('GET /api/care', (suite) => {
  it('answers anyone with the defaults when the operator set nothing', async () => {
    const { app } = createTestApp(suite.db);
    const res = await app.request('/api/care');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ resources: null, quickExitUrl: 'https://www.bbc.com/weather' });
  });

  it('answers with the operator’s resources and exit address, in the shape the app checks', async () => {
    if (!EXAMPLE.ok) throw new Error(EXAMPLE.problem);
    const care = { resources: EXAMPLE.resources, quickExitUrl: 'https://news.example/' };
    const { app } = createTestApp(suite.db, { config: { care } });
    const res = await app.request('/api/care');
    const body = await res.json();
    expect(body).toEqual(care);
    expect(CareSettings.safeParse(body).success).toBe(true);
  });
});
