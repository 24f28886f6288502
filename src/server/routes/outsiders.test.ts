/**
 * Outsiders get nothing: a signed-in non-member gets 'not-found' from every space route (the
 * space's existence is not revealed) and 'invite-not-found' from invite links without the token;
 * an anonymous client gets 'unauthenticated'. No request changes anything.
 */
import { beforeAll, expect, it } from 'vitest';
import { call, createUser, errorCodeOf, type TestUser } from '../../../tests/factories/index.ts';
import { type TestApp, createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { type World, buildWorld, routeCases } from '../testing/routes.ts';
import { snapshotDatabase } from '../testing/snapshot.ts';

describeEachDatabase('outsiders', (suite) => {
  let t: TestApp;
  let world: World;
  let outsider: TestUser;

  beforeAll(async () => {
    t = createTestApp(suite.db);
    world = await buildWorld(t.app);
    outsider = await createUser(t.app);
  });

  it('lists every /api route of the app', () => {
    const registered = new Set(
      t.app.routes.filter((r) => r.path.startsWith('/api') && r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/\/$/, '') || '/'}`),
    );
    const covered = new Set(routeCases(world).map((r) => `${r.method} ${r.pattern}`));
    expect([...registered].sort()).toEqual([...covered].sort());
  });

  it('a signed-in non-member learns nothing about a space and changes nothing', async () => {
    const before = await snapshotDatabase(suite.db.database.db);
    for (const spaceId of [world.spaceId, world.owner.personalSpaceId]) {
      for (const route of routeCases(world, spaceId).filter((r) => r.scope === 'space' || r.scope === 'invite')) {
        const res = await call(t.app, route.method, route.path, { as: outsider, json: route.json });
        const expected = route.scope === 'space' ? 'not-found' : 'invite-not-found';
        expect({ route: route.pattern, code: errorCodeOf(res.body) }).toEqual({ route: route.pattern, code: expected });
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(JSON.stringify(res.body)).not.toContain(world.owner.id);
      }
    }
    const list = await call(t.app, 'GET', '/api/spaces', { as: outsider });
    expect(list.body.spaces.map((s: { id: string }) => s.id)).toEqual([outsider.personalSpaceId]);
    expect(await snapshotDatabase(suite.db.database.db)).toEqual(before);
  });

  it('an anonymous client is unauthenticated everywhere but the public routes', async () => {
    const before = await snapshotDatabase(suite.db.database.db);
    for (const route of routeCases(world)) {
      if (route.scope === 'public') continue;
      const res = await call(t.app, route.method, route.path, { json: route.json });
      const expected = route.pattern.endsWith('/preview') ? 'invite-not-found' : 'unauthenticated';
      expect({ route: route.pattern, code: errorCodeOf(res.body) }).toEqual({ route: route.pattern, code: expected });
      expect(Object.keys(res.body)).toEqual(['error']);
    }
    expect(await snapshotDatabase(suite.db.database.db)).toEqual(before);
  });

  it('a pending member can read the space and leave, nothing else', async () => {
    const before = await snapshotDatabase(suite.db.database.db);
    for (const route of routeCases(world).filter((r) => r.scope === 'space')) {
      if (route.pattern.endsWith('/leave')) continue;
      const res = await call(t.app, route.method, route.path, { as: world.pending, json: route.json });
      const expected = route.pattern === '/api/spaces/:spaceId' ? 200 : 403;
      expect({ route: route.pattern, status: res.status }).toEqual({ route: route.pattern, status: expected });
    }
    expect(await snapshotDatabase(suite.db.database.db)).toEqual(before);
  });
});
