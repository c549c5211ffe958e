/* schema.h: the migrations embedded from schemas/NNN_*.sql at build time
 * (scripts/embed-sql.sh). Migration i (0-based) takes the database from
 * PRAGMA user_version i to i+1. */
#ifndef GV_SCHEMA_H
#define GV_SCHEMA_H

struct schema_migration {
	const char *name; /* file name under schemas/ */
	const char *sql;  /* its whole text */
};

extern const struct schema_migration schema_migrations[];
extern const int schema_nmigrations;

#endif
