#ifndef LANTERN_CQRENCODE_SHIM_H
#define LANTERN_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
