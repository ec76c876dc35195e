package com.dbay.listing.category;

import java.util.List;

/** A node of the category tree as {@code GET /categories} serves it. */
public record CategoryNode(
    long id, String name, String slug, boolean leaf, List<CategoryNode> children) {}
