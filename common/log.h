/* log.h: one greppable line per event on stderr, and a progress bar that
 * appears only when stderr is a terminal. */
#ifndef GV_LOG_H
#define GV_LOG_H

void log_set_quiet(int quiet);
/* "gvaudit: <message>" on stderr. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "gvaudit: warning: <message>". */
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "gvaudit: error: <message>"; never suppressed by quiet. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Progress of a long step, redrawn in place; no-op unless stderr is a tty. */
void progress_update(const char *what, double done, double total);
void progress_done(void);

#endif
