/*
 * driver.c: a fuzz target as a plain program, for `make check`: runs
 * LLVMFuzzerTestOneInput on every file named, and on every file below
 * every folder named (with -x EXT only files ending in EXT), in name
 * order.  A crash is ASan's or UBSan's to report; a run that ends prints
 * "fuzz_NAME: N passed, 0 failed".
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
run_file(const char *path)
{
	FILE		*f;
	unsigned char	*buf;
	long		 n;

	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		exit(2);
	}
	if ((buf = malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, (size_t)n);
	free(buf);
	return 1;
}

static int
run(const char *path, const char *ext)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*dir;
	char		**names = NULL, *p;
	size_t		 n = 0, cap = 0, i, len;
	int		 count = 0;

	if (stat(path, &st) != 0) {
		perror(path);
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		len = strlen(path);
		if (ext != NULL && (len < strlen(ext) ||
		    strcmp(path + len - strlen(ext), ext) != 0))
			return 0;
		return run_file(path);
	}
	if ((dir = opendir(path)) == NULL) {
		perror(path);
		exit(2);
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((names = realloc(names, cap * sizeof(*names))) ==
			    NULL)
				exit(2);
		}
		len = strlen(path) + strlen(de->d_name) + 2;
		if ((p = malloc(len)) == NULL)
			exit(2);
		snprintf(p, len, "%s/%s", path, de->d_name);
		names[n++] = p;
	}
	closedir(dir);
	if (n > 0)
		qsort(names, n, sizeof(*names), cmp);
	for (i = 0; i < n; i++) {
		count += run(names[i], ext);
		free(names[i]);
	}
	free(names);
	return count;
}

int
main(int argc, char *argv[])
{
	const char	*name = argv[0], *ext = NULL, *s;
	int		 i = 1, count = 0;

	if ((s = strrchr(name, '/')) != NULL)
		name = s + 1;
	if (strncmp(name, "fuzzrun_", 8) == 0)
		name += 8;
	if (argc > 2 && strcmp(argv[1], "-x") == 0) {
		ext = argv[2];
		i = 3;
	}
	for (; i < argc; i++)
		count += run(argv[i], ext);
	printf("fuzz_%s: %d passed, 0 failed\n", name, count);
	return 0;
}
