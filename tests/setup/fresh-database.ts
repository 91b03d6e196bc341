// Vitest runs each test file in its own module graph, so every file gets its own fresh,
// migrated in-memory database.
process.env.DATABASE_PATH = ':memory:';
process.env.TZ = 'Europe/Brussels';

const { migrateDatabase } = await import('$lib/server/db');
migrateDatabase();

export {};
