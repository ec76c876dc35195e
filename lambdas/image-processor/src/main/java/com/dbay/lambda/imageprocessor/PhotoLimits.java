package com.dbay.lambda.imageprocessor;

import java.util.List;

/**
 * @param maxBytes largest original accepted
 * @param maxPixels most pixels (width × height) an original may declare: a decompression bomb
 *     declares many more than it has bytes for, and is refused before anything is decoded
 * @param maxSide longest side accepted
 * @param sizes longest side of each variant written
 */
public record PhotoLimits(long maxBytes, long maxPixels, int maxSide, List<Integer> sizes) {

  public static PhotoLimits defaults() {
    return new PhotoLimits(10L * 1024 * 1024, 50_000_000L, 12_000, List.of(96, 300, 800));
  }
}
