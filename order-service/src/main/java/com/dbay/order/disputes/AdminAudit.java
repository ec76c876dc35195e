package com.dbay.order.disputes;

import com.dbay.platform.identity.Identity;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The audit of admin actions on disputes (who, what, when) in MongoDB, collection {@code
 * admin_audit}: one document per action, written once, never updated (single-document writes: the
 * stack's MongoDB-wire server has no multi-document transactions).
 */
@Component
public class AdminAudit {

  static final String COLLECTION = "admin_audit";

  private final MongoTemplate mongo;

  AdminAudit(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public void record(
      Identity admin, String action, String disputeId, Map<String, ?> details, Instant at) {
    Document doc = new Document();
    doc.put("at", Date.from(at));
    doc.put("adminId", admin.userId());
    doc.put("adminUsername", admin.username());
    doc.put("action", action);
    doc.put("disputeId", disputeId);
    doc.put("details", new Document(new LinkedHashMap<String, Object>(details)));
    mongo.insert(doc, COLLECTION);
  }

  /** The newest entries about one dispute. */
  public List<Map<String, Object>> of(String disputeId) {
    Query q =
        new Query(Criteria.where("disputeId").is(disputeId))
            .with(Sort.by(Sort.Direction.DESC, "at"))
            .limit(100);
    return mongo.find(q, Document.class, COLLECTION).stream()
        .map(
            d -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("at", ((Date) d.get("at")).toInstant());
              m.put("adminId", d.get("adminId"));
              m.put("adminUsername", d.get("adminUsername"));
              m.put("action", d.get("action"));
              m.put("details", d.get("details"));
              return m;
            })
        .toList();
  }
}
