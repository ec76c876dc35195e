/**
 * Feedback (#14): after an order finishes (order-service's OrderCompleted or DisputeRuled, consumed
 * here) each side leaves one feedback within 60 days; buyers add four detailed ratings of the
 * seller. Profiles show the score and the 12-month positive percentage.
 */
package com.dbay.user.feedback;
