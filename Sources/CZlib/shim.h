#ifndef LANTERN_CZLIB_SHIM_H
#define LANTERN_CZLIB_SHIM_H
#include <zlib.h>
#endif
