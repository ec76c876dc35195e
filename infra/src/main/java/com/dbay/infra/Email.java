package com.dbay.infra;

import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.constructs.Construct;

/** SES: the sender identity of notification mail and a configuration set that tracks bounces. */
public final class Email extends Construct {

  public final EmailIdentity sender;
  public final ConfigurationSet configurationSet;

  public Email(Construct scope, String id, Settings settings) {
    super(scope, id);
    configurationSet = ConfigurationSet.Builder.create(this, "Notifications").build();
    sender =
        EmailIdentity.Builder.create(this, "Sender")
            .identity(Identity.email(settings.senderEmail()))
            .configurationSet(configurationSet)
            .build();
  }
}
