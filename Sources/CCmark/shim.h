#ifndef LANTERN_CCMARK_SHIM_H
#define LANTERN_CCMARK_SHIM_H
#include <cmark.h>
#endif
