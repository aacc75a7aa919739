/* model_driver.c: a small C program that dlopens a package's libmodel.so and predicts.
 *
 * It is the C floor of bench/bench_model.py and the ARM parity check of
 * tests/test_model_cross.py (cross-compiled, run under qemu-aarch64).
 *
 *   model_driver LIB raw   ROWS   one predict() per row, the generated code's own API
 *   model_driver LIB shim  ROWS   one aastreli_predict_rows() call for all rows
 *   model_driver LIB bench ROWS SECONDS   timings as JSON (ns per row, single and batch)
 *   model_driver LIB saabas|treeshap ROWS  contributions (aastreli_contribs_rows) of
 *                                          every class: one line per row and class, the
 *                                          features' contributions then the bias
 *
 * ROWS is a text file, one row per line, numbers separated by spaces; "nan" is a missing
 * value (passed as missing = -1 in raw mode, as NaN to the shim). Predictions are printed
 * one row per line, "%.9g" per probability, enough to round-trip a float.
 */
#define _POSIX_C_SOURCE 199309L
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

union Entry {
  int missing;
  float fvalue;
  int qvalue;
};

typedef void (*predict_fn)(union Entry*, int, float*);
typedef int32_t (*num_feature_fn)(void);
typedef void (*num_class_fn)(int32_t*);
typedef int32_t (*rows_fn)(const double*, int64_t, float*);
typedef int32_t (*contribs_fn)(const double*, int64_t, const int32_t*, int32_t, double*);

static void* need(void* lib, const char* name) {
  void* sym = dlsym(lib, name);
  if (!sym) {
    fprintf(stderr, "missing symbol %s: %s\n", name, dlerror());
    exit(2);
  }
  return sym;
}

static double* read_rows(const char* path, int nf, int64_t* n_rows) {
  FILE* f = fopen(path, "r");
  if (!f) {
    perror(path);
    exit(2);
  }
  size_t cap = 1024, n = 0;
  double* x = malloc(sizeof(double) * cap);
  char word[64];
  while (fscanf(f, "%63s", word) == 1) {
    if (n == cap) {
      cap *= 2;
      x = realloc(x, sizeof(double) * cap);
    }
    x[n++] = strtod(word, NULL);
  }
  fclose(f);
  if (n % (size_t)nf != 0) {
    fprintf(stderr, "%s: %zu numbers is not a whole number of rows of %d\n", path, n, nf);
    exit(2);
  }
  *n_rows = (int64_t)(n / (size_t)nf);
  return x;
}

static void to_entries(const double* x, int64_t n, int nf, union Entry* e) {
  for (int64_t i = 0; i < n * nf; ++i) {
    if (isnan(x[i])) {
      e[i].missing = -1;
    } else {
      e[i].fvalue = (float)x[i];
    }
  }
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void print_rows(const float* out, int64_t n, int nc) {
  for (int64_t i = 0; i < n; ++i) {
    for (int k = 0; k < nc; ++k) {
      printf(k ? " %.9g" : "%.9g", out[i * nc + k]);
    }
    printf("\n");
  }
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s LIB raw|shim|saabas|treeshap|bench ROWS [SECONDS]\n", argv[0]);
    return 2;
  }
  void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "dlopen: %s\n", dlerror());
    return 2;
  }
  predict_fn predict = (predict_fn)need(lib, "predict");
  int nf = ((num_feature_fn)need(lib, "get_num_feature"))();
  int32_t nc = 0;
  ((num_class_fn)need(lib, "get_num_class"))(&nc);
  int64_t n = 0;
  double* x = read_rows(argv[3], nf, &n);
  union Entry* e = malloc(sizeof(union Entry) * (size_t)(n * nf));
  float* out = calloc((size_t)(n * nc), sizeof(float));
  to_entries(x, n, nf, e);

  if (strcmp(argv[2], "raw") == 0) {
    for (int64_t i = 0; i < n; ++i) {
      memset(out + i * nc, 0, sizeof(float) * (size_t)nc); /* predict adds with += */
      predict(e + i * nf, 0, out + i * nc);
    }
    print_rows(out, n, nc);
  } else if (strcmp(argv[2], "shim") == 0) {
    rows_fn rows = (rows_fn)need(lib, "aastreli_predict_rows");
    if (rows(x, n, out) != 0) {
      fprintf(stderr, "aastreli_predict_rows refused the rows\n");
      return 1;
    }
    print_rows(out, n, nc);
  } else if (strcmp(argv[2], "saabas") == 0 || strcmp(argv[2], "treeshap") == 0) {
    contribs_fn contribs = (contribs_fn)need(lib, "aastreli_contribs_rows");
    int32_t mode = strcmp(argv[2], "treeshap") == 0;
    double* phi = malloc(sizeof(double) * (size_t)(nf + 1));
    for (int64_t i = 0; i < n; ++i) {
      for (int32_t k = 0; k < nc; ++k) {
        if (contribs(x + i * nf, 1, &k, mode, phi) != 0) {
          fprintf(stderr, "aastreli_contribs_rows refused row %lld\n", (long long)i);
          return 1;
        }
        for (int j = 0; j <= nf; ++j) {
          printf(j ? " %.17g" : "%.17g", phi[j]);
        }
        printf("\n");
      }
    }
    free(phi);
  } else if (strcmp(argv[2], "bench") == 0) {
    double seconds = argc > 4 ? atof(argv[4]) : 1.0;
    if (nc > 64) {
      fprintf(stderr, "bench mode handles at most 64 classes\n");
      return 2;
    }
    /* Single row: one call per row, cycling through all rows so that branch prediction
     * sees the same variety as every other contender. */
    int64_t calls = 0;
    double t0 = now(), t1;
    volatile float sink = 0;
    do {
      for (int64_t i = 0; i < n; ++i) {
        float r[64] = {0};
        predict(e + i * nf, 0, r);
        sink += r[0];
      }
      calls += n;
      t1 = now();
    } while (t1 - t0 < seconds);
    double single_ns = (t1 - t0) * 1e9 / (double)calls;
    /* Batch: the whole file per pass, results zeroed per row as the shim does. */
    int64_t rows_done = 0;
    t0 = now();
    do {
      for (int64_t i = 0; i < n; ++i) {
        memset(out + i * nc, 0, sizeof(float) * (size_t)nc);
        predict(e + i * nf, 0, out + i * nc);
      }
      rows_done += n;
      t1 = now();
    } while (t1 - t0 < seconds);
    double batch_ns = (t1 - t0) * 1e9 / (double)rows_done;
    rows_fn rows = (rows_fn)need(lib, "aastreli_predict_rows");
    int64_t shim_done = 0;
    t0 = now();
    do {
      rows(x, n, out);
      shim_done += n;
      t1 = now();
    } while (t1 - t0 < seconds);
    double shim_ns = (t1 - t0) * 1e9 / (double)shim_done;
    printf("{\"single_ns\": %.1f, \"batch_ns\": %.1f, \"shim_batch_ns\": %.1f, \"rows\": %lld}\n",
           single_ns, batch_ns, shim_ns, (long long)n);
    (void)sink;
  } else {
    fprintf(stderr, "unknown mode %s\n", argv[2]);
    return 2;
  }
  free(x);
  free(e);
  free(out);
  return 0;
}
