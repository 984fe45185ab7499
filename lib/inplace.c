/*
 * inplace.c - -i: the file replaced atomically under its lock, kept what
 * it was (owner, mode, ACLs, extended attributes), left alone when
 * nothing changed; see inplace.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include "diag.h"
#include "inplace.h"
#include "lock.h"
#include "signals.h"

#define XATTR_MAX	(64 * 1024)	/* the largest value Linux allows */
#define ACL_ACCESS	"system.posix_acl_access"

/*
 * The file must stay what it is; say why it cannot, or return true.
 * The owner's write bit is looked at too: root may write a file marked
 * read-only, but the mark means "do not change me".
 */
static bool
may_replace(const char *name, const char *who, const struct stat *st)
{
	if ((st->st_mode & S_IWUSR) == 0)
		inc_warn_file(name, "read-only file (mode %04o): %s does not "
		    "replace it (chmod u+w first); nothing done",
		    (unsigned)(st->st_mode & 07777), who);
	else if (st->st_nlink > 1)
		inc_warn_file(name, "%lu hard links: %s would split them (the "
		    "others would keep the old content); nothing done",
		    (unsigned long)st->st_nlink, who);
	else if (st->st_uid != geteuid() && geteuid() != 0)
		inc_warn_file(name, "owned by uid %lu: %s could not keep the "
		    "owner; run it as that user; nothing done",
		    (unsigned long)st->st_uid, who);
	else
		return true;
	return false;
}

/*
 * Every extended attribute of from onto to: ACLs (system.posix_acl_*),
 * user.*, security.* the user may set.  After the mode, as an ACL sets
 * the group bits.  Returns 0, or -1 after a message.
 */
static int
copy_xattrs(const char *name, int from, int to)
{
	char *names = NULL, *value = NULL, *p;
	ssize_t len, vlen;
	int rc = -1;

	/*
	 * An ACL the new file took from its directory's default ACL is
	 * not the old file's: gone, unless the old file has one to copy.
	 */
	if (fremovexattr(to, ACL_ACCESS) == -1 && errno != ENODATA &&
	    errno != ENOTSUP) {
		inc_warn_file(name, "cannot remove the inherited ACL of the "
		    "new file: %s; nothing done", strerror(errno));
		return -1;
	}
	if ((len = flistxattr(from, NULL, 0)) == -1) {
		if (errno == ENOTSUP)
			return 0;	/* none on this file system */
		inc_warn_file(name, "cannot list extended attributes: %s",
		    strerror(errno));
		return -1;
	}
	if (len == 0)
		return 0;
	if ((names = malloc((size_t)len)) == NULL ||
	    (value = malloc(XATTR_MAX)) == NULL) {
		inc_nomem();
		goto out;
	}
	if ((len = flistxattr(from, names, (size_t)len)) == -1) {
		inc_warn_file(name, "cannot list extended attributes: %s",
		    strerror(errno));
		goto out;
	}
	for (p = names; p < names + len; p += strlen(p) + 1) {
		if ((vlen = fgetxattr(from, p, value, XATTR_MAX)) == -1 ||
		    fsetxattr(to, p, value, (size_t)vlen, 0) == -1) {
			inc_warn_file(name, "cannot keep the extended "
			    "attribute %s: %s; nothing done", p,
			    strerror(errno));
			goto out;
		}
	}
	rc = 0;
out:
	free(names);
	free(value);
	return rc;
}

/* Owner, group, mode, then ACLs and other attributes, onto the new file. */
static int
keep_attributes(const char *name, int from, int to, const struct stat *st)
{
	struct stat tst;

	if (fstat(to, &tst) == -1 ||
	    ((tst.st_uid != st->st_uid || tst.st_gid != st->st_gid) &&
	    fchown(to, st->st_uid, st->st_gid) == -1)) {
		inc_warn_file(name, "cannot keep the owner and group "
		    "(%lu:%lu): %s; nothing done", (unsigned long)st->st_uid,
		    (unsigned long)st->st_gid, strerror(errno));
		return -1;
	}
	if (fchmod(to, st->st_mode & 07777) == -1) {
		inc_warn_file(name, "cannot keep the mode: %s; nothing done",
		    strerror(errno));
		return -1;
	}
	return copy_xattrs(name, from, to);
}

/* Do the two descriptors hold the same bytes?  -1: a read error. */
static int
same_content(int a, int b, off_t size)
{
	char x[65536], y[65536];
	off_t off = 0;
	ssize_t n, m;

	while (off < size) {
		if ((n = pread(a, x, sizeof(x), off)) <= 0 ||
		    (m = pread(b, y, (size_t)n, off)) != n)
			return -1;
		if (memcmp(x, y, (size_t)n) != 0)
			return 0;
		off += n;
	}
	return 1;
}

/* The directory of path, synced: the rename itself made durable. */
static void
sync_dir(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int dfd;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) + 1 :
	    1, slash ? path : ".");
	if ((dfd = open(dir, O_RDONLY)) != -1) {
		fsync(dfd);
		close(dfd);
	}
}

/* who: the writer, for messages; stoppable: a signal drops the edit. */
static int
replace(const char *name, long wait, const char *who, bool stoppable,
    int (*write_fn)(FILE *, int, void *), void *ctx)
{
	char tmp[PATH_MAX], path[PATH_MAX];
	struct stat st, nst;
	FILE *fp = NULL;
	int in, fd = -1, saved, same;

	/*
	 * A symbolic link is followed: the file it names is edited, the
	 * link stays.  The temporary sits beside that file, so that rename
	 * is atomic.
	 */
	if (realpath(name, path) == NULL) {
		inc_warn_file(name, "%s", strerror(errno));
		return -1;
	}
	if (snprintf(tmp, sizeof(tmp), "%s.inc-XXXXXX", path) >=
	    (int)sizeof(tmp)) {
		inc_warn_file(name, "name too long");
		return -1;
	}
	/* Read-write: a file this user may not write is refused here. */
	if ((in = lock_open(path, O_RDWR, 0, wait, stoppable)) == -1)
		return -1;
	if (fstat(in, &st) == -1) {
		inc_warn_file(name, "%s", strerror(errno));
		goto fail;
	}
	if (!may_replace(name, who, &st))
		goto fail;
	if ((fd = mkstemp(tmp)) == -1) {
		inc_warn_file(name, "cannot create a temporary file: %s",
		    strerror(errno));
		goto fail;
	}
	if (keep_attributes(name, in, fd, &st) == -1)
		goto fail;
	if ((fp = fdopen(fd, "w")) == NULL) {
		inc_warn_file(name, "%s", strerror(errno));
		goto fail;
	}
	if (write_fn(fp, in, ctx) == -1) {
		if (stoppable && signals_caught())
			inc_warn_file(name, "stopped by a signal, file left "
			    "as it was");
		else
			inc_warn_file(name, "not replaced, file left as it "
			    "was");
		goto fail;
	}
	if (fflush(fp) == EOF || ferror(fp) || fsync(fd) == -1) {
		inc_warn_file(name, "write error, file left as it was: %s",
		    strerror(errno));
		goto fail;
	}
	if (stoppable && signals_caught()) {
		inc_warn_file(name, "stopped by a signal, file left as it was");
		goto fail;		/* the edit is dropped */
	}
	/* Nothing changed: the file is left alone, its times kept. */
	if (fstat(fd, &nst) == 0 && nst.st_size == st.st_size &&
	    (same = same_content(in, fd, st.st_size)) != 0) {
		if (same == 1) {
			fclose(fp);
			unlink(tmp);
			close(in);
			return 0;
		}
	}
	fd = -1;
	if (fclose(fp) == EOF || rename(tmp, path) == -1) {
		fp = NULL;
		saved = errno;
		unlink(tmp);
		close(in);
		inc_warn_file(name, "cannot replace: %s", strerror(saved));
		return -1;
	}
	sync_dir(path);
	close(in);		/* the lock, after the rename */
	return 0;
fail:
	if (fp != NULL)
		fclose(fp);
	else if (fd != -1)
		close(fd);
	if (fd != -1 || fp != NULL)
		unlink(tmp);
	close(in);
	return -1;
}

int
replace_file(const char *name, long wait,
    int (*write_fn)(FILE *, int, void *), void *ctx)
{
	return replace(name, wait, "-i", true, write_fn, ctx);
}

int
replace_file_unstopped(const char *name, long wait, const char *who,
    int (*write_fn)(FILE *, int, void *), void *ctx)
{
	return replace(name, wait, who, false, write_fn, ctx);
}
