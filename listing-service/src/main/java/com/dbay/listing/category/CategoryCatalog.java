package com.dbay.listing.category;

import com.dbay.listing.shared.FieldErrors;
import com.dbay.listing.shared.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.rubyeye.xmemcached.MemcachedClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The categories as every instance sees them: read from Memcached, loaded from PostgreSQL on a
 * miss, and dropped from Memcached after a change commits (so no instance serves the old form for
 * longer than it takes to read it again). Memcached being down only costs a database read.
 */
@Service
public class CategoryCatalog {

  private static final Logger log = LoggerFactory.getLogger(CategoryCatalog.class);
  static final String TREE_KEY = "listing:categories:tree:v1";
  static final String ALL_KEY = "listing:categories:all:v1";
  private static final int TTL_SECONDS = 3600;

  private final CategoryRecords records;
  private final MemcachedClient memcached;
  private final JsonMapper json;

  CategoryCatalog(CategoryRecords records, MemcachedClient memcached, JsonMapper json) {
    this.records = records;
    this.memcached = memcached;
    this.json = json;
  }

  public List<CategoryNode> tree() {
    return cached(
        TREE_KEY,
        new TypeReference<List<CategoryNode>>() {},
        () -> CategoryRecords.tree(records.loadAll()));
  }

  public Optional<Category> find(long id) {
    return Optional.ofNullable(all().get(String.valueOf(id)));
  }

  public Category get(long id) {
    return find(id).orElseThrow(() -> Refusal.notFound("Category " + id));
  }

  /**
   * The leaf category a listing is filed under, or an error on {@code field}: listings go into
   * leaves only, as on every marketplace, so that their item specifics are the most specific form.
   */
  public Category leafFor(Long id, String field, FieldErrors errors) {
    if (id == null) {
      errors.add(field, "is required");
      return null;
    }
    Category category = find(id).orElse(null);
    if (category == null) {
      errors.add(field, "no category " + id);
      return null;
    }
    if (!category.leaf()) {
      errors.add(field, "'" + category.name() + "' has subcategories; choose one of them");
      return null;
    }
    return category;
  }

  /** Replaces a category's own specifics (admins); the cache forgets the old forms after commit. */
  @Transactional
  public Category replaceSpecifics(long id, List<ItemSpecific> specifics) {
    if (!records.exists(id)) {
      throw Refusal.notFound("Category " + id);
    }
    FieldErrors errors = new FieldErrors();
    for (int i = 0; i < specifics.size(); i++) {
      ItemSpecific s = specifics.get(i);
      if (s.name() == null || s.name().isBlank() || s.name().length() > 80) {
        errors.add("specifics[" + i + "].name", "is required (at most 80 characters)");
      }
      if (s.type() == null || s.requirement() == null) {
        errors.add("specifics[" + i + "]", "type and requirement are required");
      } else if (s.type() == ItemSpecific.Type.ENUM && s.allowedValues().isEmpty()) {
        errors.add("specifics[" + i + "].allowedValues", "an enum needs its allowed values");
      }
    }
    if (specifics.stream().map(ItemSpecific::name).distinct().count() != specifics.size()) {
      errors.add("specifics", "names must be unique");
    }
    errors.throwIfAny();
    records.replaceSpecifics(id, specifics);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            evict();
          }
        });
    return records.loadAll().get(id);
  }

  public void evict() {
    try {
      memcached.delete(TREE_KEY);
      memcached.delete(ALL_KEY);
    } catch (Exception e) {
      // A failed delete could leave the old form for up to the TTL: say so loudly.
      log.error(
          "could not evict the category cache; old forms may be served for up to {} s",
          TTL_SECONDS,
          e);
    }
  }

  private Map<String, Category> all() {
    return cached(
        ALL_KEY,
        new TypeReference<Map<String, Category>>() {},
        () -> {
          Map<String, Category> byId = new java.util.LinkedHashMap<>();
          records.loadAll().forEach((id, c) -> byId.put(String.valueOf(id), c));
          return byId;
        });
  }

  private <T> T cached(String key, TypeReference<T> type, java.util.function.Supplier<T> load) {
    try {
      String hit = memcached.get(key);
      if (hit != null) {
        return json.readValue(hit, type);
      }
    } catch (Exception e) {
      log.warn("memcached read of {} failed: {}", key, e.toString());
    }
    T value = load.get();
    try {
      memcached.set(key, TTL_SECONDS, json.writeValueAsString(value));
    } catch (Exception e) {
      log.warn("memcached write of {} failed: {}", key, e.toString());
    }
    return value;
  }
}
