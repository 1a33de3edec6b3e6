/* wcount: count lines, words and bytes of files (or stdin), like a small wc(1).
 *
 *   wcount [-l] [-w] [-c] [FILE...]     no flag = all three; "-" or no file = stdin
 *   wcount --version | --help
 *
 * Exit status: 0 ok, 1 when a file could not be read (others are still counted),
 * 2 on a usage error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#ifndef VERSION
#define VERSION "dev"
#endif

struct counts {
    unsigned long long lines, words, bytes;
};

static int count_stream(FILE *in, struct counts *c)
{
    unsigned char buf[65536];
    size_t n;
    int in_word = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = buf[i];
            if (ch == '\n')
                c->lines++;
            if (isspace(ch)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
        c->bytes += n;
    }
    return ferror(in) ? -1 : 0;
}

static void print_counts(const struct counts *c, int l, int w, int b, const char *name)
{
    const char *sep = "";
    if (l) { printf("%s%7llu", sep, c->lines); sep = " "; }
    if (w) { printf("%s%7llu", sep, c->words); sep = " "; }
    if (b) { printf("%s%7llu", sep, c->bytes); }
    if (name)
        printf(" %s", name);
    putchar('\n');
}

static void usage(FILE *out)
{
    fputs("usage: wcount [-l] [-w] [-c] [FILE...]\n"
          "  -l  lines   -w  words   -c  bytes   (default: all three)\n"
          "  --version   --help\n", out);
}

int main(int argc, char **argv)
{
    int l = 0, w = 0, b = 0, status = 0, first_file = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) { first_file = i + 1; break; }
        if (strcmp(a, "--version") == 0) { puts("wcount " VERSION); return 0; }
        if (strcmp(a, "--help") == 0) { usage(stdout); return 0; }
        if (a[0] != '-' || a[1] == '\0') { first_file = i; break; }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'l': l = 1; break;
            case 'w': w = 1; break;
            case 'c': b = 1; break;
            default:
                fprintf(stderr, "wcount: unknown option -%c\n", *p);
                usage(stderr);
                return 2;
            }
        }
    }
    if (!l && !w && !b)
        l = w = b = 1;

    if (first_file >= argc) {
        struct counts c = {0, 0, 0};
        if (count_stream(stdin, &c) != 0) {
            fprintf(stderr, "wcount: stdin: %s\n", strerror(errno));
            return 1;
        }
        print_counts(&c, l, w, b, NULL);
        return 0;
    }

    struct counts total = {0, 0, 0};
    for (int i = first_file; i < argc; i++) {
        const char *name = argv[i];
        int is_stdin = strcmp(name, "-") == 0;
        FILE *in = is_stdin ? stdin : fopen(name, "rb");
        if (!in) {
            fprintf(stderr, "wcount: %s: %s\n", name, strerror(errno));
            status = 1;
            continue;
        }
        struct counts c = {0, 0, 0};
        if (count_stream(in, &c) != 0) {
            fprintf(stderr, "wcount: %s: read error\n", name);
            status = 1;
        }
        if (!is_stdin)
            fclose(in);
        print_counts(&c, l, w, b, name);
        total.lines += c.lines;
        total.words += c.words;
        total.bytes += c.bytes;
    }
    if (argc - first_file > 1)
        print_counts(&total, l, w, b, "total");
    return status;
}
