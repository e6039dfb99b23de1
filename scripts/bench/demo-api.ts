import { createApp, sessionTokensFor } from '../../functions/src/api/app.js';
import { createLogger } from '../../functions/src/api/logger.js';
import { apiDepsOf } from '../../functions/src/compose/api.js';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { buildDemoArea } from '../../functions/src/local/demo-area.js';
import { seedDemoArea } from '../../functions/src/local/seed-demo-area.js';
import { ensureTable, startDynamoDbLocal } from '../../functions/src/store/index.js';

const TABLE = 'bench';

/**
 * The benchmarks' ground: DynamoDB Local in memory with the demo area seeded, and the API built by the same
 * composition root as the Lambda, called in process (`app.request()`). Stop it when done.
 */
export async function startDemoApi() {
  const local = await startDynamoDbLocal();
  try {
    const runtime = createRuntime({ tableName: TABLE, endpoint: local.endpoint });
    await ensureTable(runtime.client, TABLE);
    const area = buildDemoArea();
    await seedDemoArea(runtime.repositories, area, new Date());
    const deps = apiDepsOf(runtime, {
      sessionSecret: 'bench-session-secret-0123456789abcdef',
      wechat: { appId: 'bench', appSecret: 'bench', baseUrl: 'http://127.0.0.1:9' },
      logger: createLogger({ write: () => undefined }),
    });
    const tokens = sessionTokensFor(deps);
    /** The Authorization header of a demo user. */
    const bearerOf = async (userId: string) => ({ authorization: `Bearer ${(await tokens.issue(area.users.find((user) => user.id === userId)!)).token}` });
    return { table: TABLE, client: runtime.client, runtime, sessionSecret: deps.sessionSecret, area, app: createApp(deps), bearerOf, stop: () => local.stop() };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
