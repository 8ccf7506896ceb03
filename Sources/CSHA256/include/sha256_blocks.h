#ifndef SCHEMAC_SHA256_BLOCKS_H
#define SCHEMAC_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants (FIPS 180-4 §4.2.2).
extern const uint32_t schemac_sha256_round_constants[64];

/// 1 when this CPU has the SHA extensions (x86-64 SHA-NI with SSSE3 and SSE4.1).
int schemac_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` whole 64-byte blocks of
/// `data`, updating `state` (h0…h7). Only call when the hardware is available.
void schemac_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
