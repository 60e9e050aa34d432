package org.rapport.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of field sensitivity and role clearances, PID {@value #PID}. */
@ObjectClassDefinition(id = FieldsConfig.PID, name = "Rapport field sensitivity",
        description = "Which fields of the client records are sensitive, and which roles may read them whole")
public @interface FieldsConfig {

    String PID = "org.rapport.security.fields";

    @AttributeDefinition(name = "Field levels",
            description = "entity.field=level, level one of public, internal, confidential, restricted")
    String[] fields() default {
        "client.name=public", "client.industry=public", "client.region=public",
        "client.registrationNo=confidential", "client.annualRevenue=internal", "client.employees=internal",
        "contact.name=internal", "contact.title=internal",
        "contact.emails=confidential", "contact.phones=confidential"};

    @AttributeDefinition(name = "Role clearances",
            description = "role=level: the highest level the role reads whole")
    String[] clearances() default {"admin=restricted", "manager=confidential", "auditor=confidential", "agent=internal"};

    @AttributeDefinition(name = "Default level", description = "The level of a field not listed")
    String defaultLevel() default "internal";
}
