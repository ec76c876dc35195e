package com.dbay.listing.category;

import java.util.List;

/**
 * A category as a seller picks it: its place in the tree ({@code path}: ids root→this) and its
 * whole item-specifics form, the ancestors' fields first, a field redefined lower down replacing
 * the ancestor's (e.g. "Brand" recommended for Electronics, required for Cell Phones).
 */
public record Category(
    long id,
    Long parentId,
    String name,
    String slug,
    boolean leaf,
    List<Long> path,
    List<String> pathNames,
    List<ItemSpecific> specifics) {

  public Category {
    path = List.copyOf(path);
    pathNames = List.copyOf(pathNames);
    specifics = List.copyOf(specifics);
  }
}
