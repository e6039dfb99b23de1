import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs every project. Projects that need DynamoDB Local share one engine started by their global
 * setup; each test file makes its own table, so files never see each other's data.
 */
export default defineConfig({
  logLevel: 'error',
  test: {
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/domain/**/*.test.ts',
            'tests/miniapp/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/chat/protocol/**/*.test.ts',
            'tests/chat/conversation/normalize.test.ts',
            'tests/chat/conversation/intents.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'dynamodb',
          environment: 'node',
          include: ['tests/store/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/local/**/*.test.ts', 'tests/events/**/*.test.ts', 'tests/notify/**/*.test.ts', 'tests/jobs/**/*.test.ts', 'tests/chat/conversation/converse*.test.ts'],
          globalSetup: ['tests/support/dynamodb-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          environment: 'node',
          include: ['tests/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/browser-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
