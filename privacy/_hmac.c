/*
 * privacy._hmac: HMAC-SHA256 over many short values in one call (keyed pseudonyms).
 *
 * Python's hmac costs ~3 us per value (call overhead, 4 SHA-256 compressions); DuckDB's SQL
 * formulation ~2 us. Here, per value: the two keyed pads' midstates are computed once per key,
 * so a value of up to 55 bytes costs exactly 2 compressions, done with the x86 SHA extensions
 * (SHA-NI) when the CPU has them, else portable C. The GIL is released for the whole batch, so
 * the worker threads of privacy.variants (one per output variant) hash in parallel.
 *
 *   midstate(block64: bytes) -> bytes32          SHA-256 state after one block from the IV
 *   hex_batch(istate, ostate, offsets, data, out, n, nhex, portable) -> None
 *       value i = data[offsets[i]:offsets[i+1]] (int32 offsets, Arrow layout);
 *       out[i*nhex:(i+1)*nhex] = first nhex lowercase hex characters of HMAC(key, value)
 *   has_sha_ni() -> bool
 *
 * Checked against Python's hmac in tests/privacy/test_deid_methods.py (both code paths).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint32_t IV[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

typedef void (*compress_fn)(uint32_t state[8], const uint8_t block[64]);

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void compress_portable(uint32_t s[8], const uint8_t p[64]) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = ((uint32_t)p[4 * i] << 24) | ((uint32_t)p[4 * i + 1] << 16) | ((uint32_t)p[4 * i + 2] << 8) |
               (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    s[0] += a; s[1] += b; s[2] += c; s[3] += d; s[4] += e; s[5] += f; s[6] += g; s[7] += h;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#include <cpuid.h>
#define HAVE_SHA_NI_CODE 1

/* The x86 SHA extensions' round structure (Intel's public description of SHA-NI). */
__attribute__((target("sha,sse4.1,ssse3")))
static void compress_shani(uint32_t state[8], const uint8_t data[64]) {
    const __m128i MASK = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i st1 = _mm_loadu_si128((const __m128i *)&state[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);          /* CDAB */
    st1 = _mm_shuffle_epi32(st1, 0x1B);          /* EFGH */
    __m128i st0 = _mm_alignr_epi8(tmp, st1, 8);  /* ABEF */
    st1 = _mm_blend_epi16(st1, tmp, 0xF0);       /* CDGH */
    const __m128i abef = st0, cdgh = st1;
    __m128i m[4];
    for (int i = 0; i < 4; i++)
        m[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), MASK);
#pragma GCC unroll 16
    for (int i = 0; i < 16; i++) {
        __m128i msg = _mm_add_epi32(m[i & 3], _mm_loadu_si128((const __m128i *)&K[4 * i]));
        st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
        if (i >= 3 && i <= 14) {
            __m128i t = _mm_alignr_epi8(m[i & 3], m[(i + 3) & 3], 4);
            m[(i + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(m[(i + 1) & 3], t), m[i & 3]);
        }
        msg = _mm_shuffle_epi32(msg, 0x0E);
        st0 = _mm_sha256rnds2_epu32(st0, st1, msg);
        if (i >= 1 && i <= 12)
            m[(i + 3) & 3] = _mm_sha256msg1_epu32(m[(i + 3) & 3], m[i & 3]);
    }
    st0 = _mm_add_epi32(st0, abef);
    st1 = _mm_add_epi32(st1, cdgh);
    tmp = _mm_shuffle_epi32(st0, 0x1B);          /* FEBA */
    st1 = _mm_shuffle_epi32(st1, 0xB1);          /* DCHG */
    st0 = _mm_blend_epi16(tmp, st1, 0xF0);       /* DCBA */
    st1 = _mm_alignr_epi8(st1, tmp, 8);          /* ABEF */
    _mm_storeu_si128((__m128i *)&state[0], st0);
    _mm_storeu_si128((__m128i *)&state[4], st1);
}

static int cpu_has_sha_ni(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    if (!(b & (1u << 29))) return 0;                  /* SHA */
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    return (c & (1u << 19)) && (c & (1u << 9));       /* SSE4.1, SSSE3 */
}
#else
#define HAVE_SHA_NI_CODE 0
static int cpu_has_sha_ni(void) { return 0; }
#endif

static compress_fn pick(int portable) {
#if HAVE_SHA_NI_CODE
    if (!portable && cpu_has_sha_ni()) return compress_shani;
#endif
    (void)portable;
    return compress_portable;
}

static void put_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

static void put_be64(uint8_t *p, uint64_t v) {
    put_be32(p, (uint32_t)(v >> 32));
    put_be32(p + 4, (uint32_t)v);
}

/* SHA-256 of (one 64-byte block already absorbed into `mid`) || msg; result in `st`. */
static void finish(compress_fn f, const uint32_t mid[8], const uint8_t *msg, size_t len, uint32_t st[8]) {
    uint8_t block[64];
    memcpy(st, mid, 32);
    size_t i = 0;
    for (; i + 64 <= len; i += 64) f(st, msg + i);
    size_t rest = len - i;
    memcpy(block, msg + i, rest);
    block[rest] = 0x80;
    uint64_t bits = (uint64_t)(64 + len) * 8;
    if (rest + 1 + 8 > 64) {
        memset(block + rest + 1, 0, 63 - rest);
        f(st, block);
        memset(block, 0, 56);
    } else {
        memset(block + rest + 1, 0, 55 - rest);
    }
    put_be64(block + 56, bits);
    f(st, block);
}

static const char HEX[] = "0123456789abcdef";

static PyObject *py_midstate(PyObject *self, PyObject *args) {
    Py_buffer block;
    if (!PyArg_ParseTuple(args, "y*", &block)) return NULL;
    if (block.len != 64) {
        PyBuffer_Release(&block);
        PyErr_SetString(PyExc_ValueError, "midstate needs exactly one 64-byte block");
        return NULL;
    }
    uint32_t st[8];
    memcpy(st, IV, 32);
    compress_portable(st, (const uint8_t *)block.buf);
    PyBuffer_Release(&block);
    uint8_t out[32];
    for (int i = 0; i < 8; i++) memcpy(out + 4 * i, &st[i], 4); /* native order: opaque to Python */
    return PyBytes_FromStringAndSize((const char *)out, 32);
}

static PyObject *py_hex_batch(PyObject *self, PyObject *args) {
    Py_buffer ist, ost, offs, data, out;
    Py_ssize_t n;
    int nhex, portable;
    if (!PyArg_ParseTuple(args, "y*y*y*y*w*nip", &ist, &ost, &offs, &data, &out, &n, &nhex, &portable))
        return NULL;
    const char *err = NULL;
    if (ist.len != 32 || ost.len != 32) err = "midstates must be 32 bytes";
    else if (nhex < 1 || nhex > 64) err = "nhex must be 1..64";
    /* divisions, not products: no overflow whatever n is */
    else if (n < 0 || n > offs.len / (Py_ssize_t)sizeof(int32_t) - 1) err = "offsets too short";
    else if (n > out.len / nhex) err = "output buffer too short";
    const int32_t *o = (const int32_t *)offs.buf;
    if (!err && n > 0 && (o[0] < 0 || o[n] > data.len)) err = "offsets outside the data buffer";
    if (!err) {
        for (Py_ssize_t i = 0; i < n; i++)
            if (o[i + 1] < o[i]) { err = "offsets are not monotonic"; break; }
    }
    if (!err) {
        uint32_t imid[8], omid[8];
        memcpy(imid, ist.buf, 32);
        memcpy(omid, ost.buf, 32);
        const uint8_t *d = (const uint8_t *)data.buf;
        uint8_t *w = (uint8_t *)out.buf;
        compress_fn f = pick(portable);
        Py_BEGIN_ALLOW_THREADS
        uint32_t st[8];
        uint8_t inner[32];
        for (Py_ssize_t i = 0; i < n; i++) {
            finish(f, imid, d + o[i], (size_t)(o[i + 1] - o[i]), st);
            for (int j = 0; j < 8; j++) put_be32(inner + 4 * j, st[j]);
            finish(f, omid, inner, 32, st);
            uint8_t *dst = w + i * nhex;
            for (int j = 0; j < nhex; j++) {
                uint32_t word = st[j >> 3];
                dst[j] = (uint8_t)HEX[(word >> (28 - 4 * (j & 7))) & 0xF];
            }
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&ist); PyBuffer_Release(&ost); PyBuffer_Release(&offs);
    PyBuffer_Release(&data); PyBuffer_Release(&out);
    if (err) {
        PyErr_SetString(PyExc_ValueError, err);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *py_has_sha_ni(PyObject *self, PyObject *noargs) {
    return PyBool_FromLong(cpu_has_sha_ni());
}

static PyMethodDef methods[] = {
    {"midstate", py_midstate, METH_VARARGS, "SHA-256 state after one 64-byte block (opaque bytes)."},
    {"hex_batch", py_hex_batch, METH_VARARGS, "HMAC-SHA256 hex of many values (Arrow offsets + data)."},
    {"has_sha_ni", py_has_sha_ni, METH_NOARGS, "Whether the CPU has the x86 SHA extensions."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "privacy._hmac", NULL, -1, methods};

PyMODINIT_FUNC PyInit__hmac(void) { return PyModule_Create(&module); }
