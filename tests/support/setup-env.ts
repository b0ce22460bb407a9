// Every api suite runs in UTC with fast (but still scrypt) password hashing and quiet logs.
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
process.env.PASSWORD_HASH_COST = process.env.PASSWORD_HASH_COST || '14';
process.env.PASSWORD_HASH_PARALLELISM = process.env.PASSWORD_HASH_PARALLELISM || '1';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'silent';
