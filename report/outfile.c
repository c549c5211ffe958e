/* outfile.c: see outfile.h. */
#include "report/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int outfile_mkdirs(const char *dir, gv_error *err)
{
	char *p = xstrdup(dir), *s;
	struct stat sb;
	int ret = -1, saved;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			saved = errno;
			gv_error_set(err, dir, 0, "cannot create directory '%s': %s", p,
				     strerror(saved));
			goto cleanup;
		}
		*s = c;
		if (!c)
			break;
	}
	if (stat(dir, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		gv_error_set(err, dir, 0, "cannot write reports to '%s': not a directory", dir);
		goto cleanup;
	}
	ret = 0;
cleanup:
	free(p);
	return ret;
}

static mode_t current_umask(void)
{
	mode_t m = umask(0); /* the only way to read it; single-threaded here */
	umask(m);
	return m;
}

/* Remove dir/.name.XXXXXX files (mkstemp's six characters) left by a run
 * that was killed while writing its reports: nobody else would, and each
 * kill would add one more. Only our own temporary names are touched, only
 * plain files; other gvaudit writers are excluded by the database lock. */
static void sweep_stale(const char *dir, const char *name)
{
	size_t nl = strlen(name);
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *n = e->d_name, *x;
		struct stat st;
		strbuf path;
		if (n[0] != '.' || strncmp(n + 1, name, nl) != 0 || n[1 + nl] != '.' ||
		    strlen(n + 2 + nl) != 6)
			continue;
		for (x = n + 2 + nl; *x; x++)
			if (!((*x >= 'A' && *x <= 'Z') || (*x >= 'a' && *x <= 'z') ||
			      (*x >= '0' && *x <= '9')))
				break;
		if (*x)
			continue;
		sb_init(&path);
		sb_addf(&path, "%s/%s", dir, n);
		if (lstat(path.buf, &st) == 0 && S_ISREG(st.st_mode))
			unlink(path.buf);
		sb_release(&path);
	}
	closedir(d);
}

int outfile_open(outfile *o, const char *dir, const char *name, gv_error *err)
{
	strbuf sb;
	int fd, saved;

	memset(o, 0, sizeof *o);
	sweep_stale(dir, name);
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", dir, name);
	o->final = sb_detach(&sb);
	sb_addf(&sb, "%s/.%s.XXXXXX", dir, name);
	o->tmp = sb_detach(&sb);
	sb_release(&sb);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		saved = errno;
		free(o->tmp);
		o->tmp = NULL;
		return gv_error_set(err, o->final, 0, "cannot write '%s': %s", o->final,
				    strerror(saved));
	}
	/* mkstemp makes 0600; reports are meant to be read like any file. */
	if (fchmod(fd, 0666 & ~current_umask()) < 0 || !(o->f = fdopen(fd, "w"))) {
		saved = errno;
		close(fd);
		return gv_error_set(err, o->final, 0, "cannot write '%s': %s", o->tmp,
				    strerror(saved));
	}
	return 0;
}

int outfile_close(outfile *o, gv_error *err)
{
	int bad, saved;

	if (!o->f)
		return 0;
	bad = fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) < 0;
	saved = errno;
	if (fclose(o->f) != 0 && !bad) {
		bad = 1;
		saved = errno;
	}
	o->f = NULL;
	if (bad)
		return gv_error_set(err, o->final, 0, "cannot write '%s': %s", o->final,
				    strerror(saved ? saved : EIO));
	return 0;
}

int outfile_commit(outfile *o, gv_error *err)
{
	int saved;

	if (rename(o->tmp, o->final) < 0) {
		saved = errno;
		return gv_error_set(err, o->final, 0, "cannot rename '%s' to '%s': %s", o->tmp,
				    o->final, strerror(saved));
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

void outfile_release(outfile *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->final);
	memset(o, 0, sizeof *o);
}

void outfile_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd); /* best effort: some file systems refuse it */
		close(fd);
	}
}
