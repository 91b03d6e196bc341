// Starts the built app with Kwartier's defaults: port 3000, the database at data/kwartier.db,
// Brussels time. The database is created, migrated and filled with demo data on first start.
process.env.TZ ||= 'Europe/Brussels';
process.env.PORT ||= '3000';
process.env.DATABASE_PATH ||= 'data/kwartier.db';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
// A coordinator's import file may be 5 MB (src/lib/server/import); the adapter's default is 512 kB.
process.env.BODY_SIZE_LIMIT ||= '6M';

await import('../build/index.js');
console.log(`Kwartier is running on ${process.env.ORIGIN}`);
