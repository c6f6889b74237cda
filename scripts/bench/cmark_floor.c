/* The floor for the site benchmark: libcmark alone renders each module's Markdown body
 * (front matter skipped) to an HTML file, in one process. usage: cmark_floor OUT FILE.md... */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: cmark_floor OUT FILE.md...\n"); return 2; }
    char path[4096];
    for (int i = 2; i < argc; i++) {
        FILE *in = fopen(argv[i], "rb");
        if (!in) { perror(argv[i]); return 1; }
        fseek(in, 0, SEEK_END);
        long size = ftell(in);
        fseek(in, 0, SEEK_SET);
        char *text = malloc(size + 1);
        if (fread(text, 1, size, in) != (size_t)size) { perror(argv[i]); return 1; }
        fclose(in);
        text[size] = 0;
        char *body = text;
        if (strncmp(text, "---\n", 4) == 0) {
            char *end = strstr(text + 4, "\n---\n");
            if (end) body = end + 5;
        }
        char *html = cmark_markdown_to_html(body, strlen(body), CMARK_OPT_DEFAULT);
        const char *name = strrchr(argv[i], '/');
        snprintf(path, sizeof path, "%s/%s.html", argv[1], name ? name + 1 : argv[i]);
        FILE *out = fopen(path, "wb");
        if (!out) { perror(path); return 1; }
        fputs(html, out);
        fclose(out);
        free(html);
        free(text);
    }
    return 0;
}
