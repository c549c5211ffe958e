/* jobspool.c: see jobspool.h.
 *
 * A record: the listing_id's length (2 bytes, native byte order: the
 * process that writes the file is the one that reads it) and bytes, then
 * the packed band list (BANDS_PACKED bytes). */
#include "analyze/jobspool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "common/tmpfile.h"
#include "common/util.h"

#define ID_MAX 65535
#define BUFSIZE (256 * 1024)

struct job_spool {
	FILE *f;
	int broken;      /* a write or read failed: nothing more is put or taken */
	int have;        /* reading: the record below is read and not yet taken */
	char id[ID_MAX + 1];
	unsigned char packed[BANDS_PACKED];
};

/* The one log line of a spool not kept: why, and errno's text (err 0: a
 * read came up short). */
static void not_kept(const char *why, int err)
{
	log_info("analyze: price pass band lists not kept (%s: %s); the listing phase parses "
		 "them again",
		 why, err ? strerror(err) : "short read");
}

/* Stop using s after a failed write or read (the listing phase then parses
 * every band list again). */
static void give_up(job_spool *s, const char *doing)
{
	int err = errno; /* the failed call's, before snprintf may set it */
	char why[64];

	if (!s->broken) {
		snprintf(why, sizeof why, "%s the temporary file", doing);
		not_kept(why, err);
	}
	s->broken = 1;
	s->have = 0;
}

job_spool *job_spool_new(const char *near)
{
	job_spool *s;
	FILE *f;
	int fd = tmpfile_near(near, "spool");

	if (fd < 0 || !(f = fdopen(fd, "w+b"))) {
		not_kept("no temporary file", errno);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->f = f;
	setvbuf(s->f, NULL, _IOFBF, BUFSIZE);
	return s;
}

void job_spool_free(job_spool *s)
{
	if (!s)
		return;
	fclose(s->f);
	free(s);
}

void job_spool_put(job_spool *s, const listing_job *j)
{
	size_t idlen;
	unsigned short n;

	if (!s || s->broken || !j->pre || !j->in.listing_id)
		return;
	if ((idlen = strlen(j->in.listing_id)) > ID_MAX)
		return; /* not kept: the listing phase parses it */
	n = (unsigned short)idlen;
	errno = 0;
	if (fwrite(&n, sizeof n, 1, s->f) != 1 || fwrite(j->in.listing_id, 1, idlen, s->f) != idlen ||
	    fwrite(j->packed, 1, BANDS_PACKED, s->f) != BANDS_PACKED)
		give_up(s, "writing");
}

/* Read the next record into s: 1, or 0 at the end or on a failure. */
static int next(job_spool *s)
{
	unsigned short n;

	s->have = 0;
	errno = 0;
	if (fread(&n, sizeof n, 1, s->f) != 1) {
		if (ferror(s->f))
			give_up(s, "reading");
		return 0; /* the end */
	}
	if (fread(s->id, 1, n, s->f) != n ||
	    fread(s->packed, 1, BANDS_PACKED, s->f) != BANDS_PACKED) {
		give_up(s, "reading");
		return 0;
	}
	s->id[n] = '\0';
	return s->have = 1;
}

void job_spool_rewind(job_spool *s)
{
	if (!s || s->broken)
		return;
	errno = 0;
	if (fflush(s->f) != 0 || fseek(s->f, 0, SEEK_SET) != 0) {
		give_up(s, "rewinding");
		return;
	}
	next(s);
}

int job_spool_take(job_spool *s, listing_job *j)
{
	int c = 1;

	if (!s || !j->in.listing_id)
		return 0;
	while (s->have && (c = strcmp(s->id, j->in.listing_id)) < 0)
		next(s); /* a listing the listing phase does not ask for */
	if (!s->have || c != 0)
		return 0;
	memcpy(j->packed, s->packed, BANDS_PACKED); /* unpacked on the helper */
	j->pre = 1;
	next(s);
	return 1;
}
