package com.dbay.search.saved;

import com.dbay.platform.problem.DomainException;
import com.dbay.search.listings.SearchRequest;
import java.time.Instant;
import java.util.UUID;

/**
 * A saved search: who owns it, its name and filters, and when its owner last looked at its matches.
 */
public final class SavedSearch {

  private final UUID id;
  private final String userId;
  private String name;
  private SearchRequest filters;
  private final Instant createdAt;
  private Instant updatedAt;
  private Instant lastSeenAt;

  private SavedSearch(
      UUID id,
      String userId,
      String name,
      SearchRequest filters,
      Instant createdAt,
      Instant updatedAt,
      Instant lastSeenAt) {
    this.id = id;
    this.userId = userId;
    this.name = name;
    this.filters = filters;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.lastSeenAt = lastSeenAt;
  }

  public static SavedSearch create(String userId, String name, SearchRequest filters, Instant now) {
    return new SavedSearch(UUID.randomUUID(), userId, checkedName(name), filters, now, now, now);
  }

  public static SavedSearch restore(
      UUID id,
      String userId,
      String name,
      SearchRequest filters,
      Instant createdAt,
      Instant updatedAt,
      Instant lastSeenAt) {
    return new SavedSearch(id, userId, name, filters, createdAt, updatedAt, lastSeenAt);
  }

  public void change(String newName, SearchRequest newFilters, Instant now) {
    this.name = checkedName(newName);
    this.filters = newFilters;
    this.updatedAt = now;
  }

  /** The owner looked: matches before now are no longer new. */
  public void markSeen(Instant now) {
    this.lastSeenAt = now;
  }

  public boolean isOwnedBy(String user) {
    return userId.equals(user);
  }

  private static String checkedName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      throw DomainException.invalid("validation", "name", "name: 1 to 100 characters");
    }
    return n;
  }

  public UUID id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String name() {
    return name;
  }

  public SearchRequest filters() {
    return filters;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }
}
