package com.dbay.lambda.imageprocessor;

import com.dbay.lambda.support.NotYetImplemented;

/** Makes the display variants (thumbnail, gallery) of one uploaded photo. */
public interface ImageVariants {

    void create(String bucket, String key);

    /** The adapter until the listing issue brings the resizing: refuses, loudly. */
    static ImageVariants notYetImplemented() {
        return (bucket, key) -> {
            throw new NotYetImplemented("image-processor", "making photo variants", "the listing issue");
        };
    }
}
