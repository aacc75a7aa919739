/* aastreli_shim.c: the gateway runtime's entry point into TL2cgen's generated predict().
 *
 * Written by `aastreli model compile`; part of the package's checksummed source.
 * Contract of the generated code that this file honours:
 *  - a missing value is `missing = -1`; a NaN passed as fvalue would be compared as a number;
 *  - predict() adds into result with +=, so each row's result is zeroed first;
 *  - quantize is off, so data[] is not modified, but it is refilled for every row anyway.
 * Never compile with -ffast-math: it may drop the isnan() test below.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "header.h"

#define AASTRELI_ABI 1

int32_t aastreli_abi_version(void) {
  return AASTRELI_ABI;
}

/* rows: n_rows x get_num_feature() doubles, row after row; NaN marks a missing value.
 * out: n_rows x n_class floats, the class probabilities of each row.
 * The runtime checks the feature count once at load and each row's length before the
 * call, so the call itself takes three arguments (each one costs ctypes time). */
int32_t aastreli_predict_rows(const double* rows, int64_t n_rows, float* out) {
  const int32_t nf = get_num_feature();
  int32_t nc = 0;
  if (N_TARGET != 1) {
    return -1;
  }
  get_num_class(&nc);
  union Entry data[nf];
  for (int64_t i = 0; i < n_rows; ++i) {
    const double* x = rows + i * nf;
    for (int32_t j = 0; j < nf; ++j) {
      if (isnan(x[j])) {
        data[j].missing = -1;
      } else {
        data[j].fvalue = (float)x[j];
      }
    }
    float* result = out + i * nc;
    memset(result, 0, sizeof(float) * (size_t)nc);
    predict(data, 0, result);
  }
  return 0;
}
