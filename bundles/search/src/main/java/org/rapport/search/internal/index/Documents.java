package org.rapport.search.internal.index;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.rapport.education.Article;
import org.rapport.records.Client;
import org.rapport.records.Contact;
import org.rapport.records.Interaction;
import org.rapport.search.SearchTypes;

/** Turns records and articles into index documents (see {@link Schema}). */
public final class Documents {

    private Documents() {
    }

    public static String key(String type, long id) {
        return type + ":" + id;
    }

    public static String family(long clientId) {
        return "c:" + clientId;
    }

    /** A client's document and its contacts', replaced together under {@link Schema#FAMILY}. */
    public static List<Document> clientFamily(Client client, Collection<Contact> contacts, long gen) {
        List<Document> docs = new java.util.ArrayList<>(1 + contacts.size());
        Document c = base(SearchTypes.CLIENT, client.id(), client.id(), gen, client.updatedAt().toEpochMilli());
        c.add(new StringField(Schema.FAMILY, family(client.id()), Field.Store.NO));
        facets(c, client);
        text(c, Schema.CLIENT_NAME, client.name());
        if (client.registrationNo() != null) {
            text(c, Schema.CLIENT_REGISTRATION, client.registrationNo());
            exact(c, Schema.CLIENT_REGISTRATION, Identifiers.code(client.registrationNo()));
        }
        client.tags().forEach(tag -> text(c, Schema.CLIENT_TAGS, tag));
        attribute(c, "status", client.status());
        docs.add(c);
        for (Contact contact : contacts) {
            Document k = base(SearchTypes.CONTACT, contact.id(), client.id(), gen, contact.updatedAt().toEpochMilli());
            k.add(new StringField(Schema.FAMILY, family(client.id()), Field.Store.NO));
            facets(k, client);
            text(k, Schema.CONTACT_NAME, contact.name());
            if (contact.title() != null) {
                text(k, Schema.CONTACT_TITLE, contact.title());
            }
            for (String email : contact.emails()) {
                text(k, Schema.CONTACT_EMAILS, email);
                Identifiers.email(email).forEach(form -> exact(k, Schema.CONTACT_EMAILS, form));
            }
            for (String phone : contact.phones()) {
                text(k, Schema.CONTACT_PHONES, phone);
                Identifiers.phone(phone).forEach(form -> exact(k, Schema.CONTACT_PHONES, form));
            }
            stored(k, Schema.CLIENT_NAME, client.name());
            attribute(k, Schema.LANGUAGE, contact.language());
            docs.add(k);
        }
        return docs;
    }

    public static Document interaction(Interaction interaction, String clientName, long gen) {
        Document d = base(SearchTypes.INTERACTION, interaction.id(), interaction.clientId(), gen, interaction.occurredAt().toEpochMilli());
        if (interaction.summary() != null) {
            text(d, Schema.INTERACTION_SUMMARY, interaction.summary());
        }
        if (interaction.staffName() != null) {
            text(d, Schema.INTERACTION_STAFF, interaction.staffName());
        }
        if (clientName != null) {
            stored(d, Schema.CLIENT_NAME, clientName);
        }
        attribute(d, "channel", interaction.channel());
        attribute(d, "direction", interaction.direction());
        attribute(d, "kind", interaction.kind());
        attribute(d, "occurredAt", interaction.occurredAt().toString());
        return d;
    }

    public static Document article(Article article, long gen) {
        Document d = base(SearchTypes.ARTICLE, article.id(), null, gen, article.updatedAt().toEpochMilli());
        facet(d, Schema.LANGUAGE, article.language());
        facet(d, Schema.STATE, article.state());
        facet(d, Schema.CATEGORY, article.category());
        text(d, Schema.ARTICLE_TITLE, article.title());
        text(d, Schema.ARTICLE_BODY, article.body());
        article.tags().forEach(tag -> text(d, Schema.ARTICLE_TAGS, tag));
        text(d, Schema.ARTICLE_CATEGORY, article.category());
        attribute(d, "kind", article.kind());
        attribute(d, "views", Long.toString(article.views()));
        return d;
    }

    private static Document base(String type, long id, Long clientId, long gen, long changed) {
        Document d = new Document();
        d.add(new StringField(Schema.KEY, key(type, id), Field.Store.NO));
        d.add(new StringField(Schema.TYPE, type, Field.Store.YES));
        d.add(new SortedDocValuesField(Schema.TYPE, new BytesRef(type)));
        d.add(new StoredField(Schema.ID, id));
        if (clientId != null) {
            d.add(new StringField(Schema.CLIENT, Long.toString(clientId), Field.Store.YES));
        }
        d.add(new LongPoint(Schema.GEN, gen));
        d.add(new StoredField(Schema.CHANGED, changed));
        return d;
    }

    private static void facets(Document d, Client client) {
        facet(d, Schema.TIER, client.standing().tier());
        facet(d, Schema.INDUSTRY, client.industry());
        facet(d, Schema.REGION, client.region());
        attribute(d, Schema.STAGE, client.standing().stage());
    }

    private static void facet(Document d, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = name.equals(Schema.CATEGORY) ? value : value.toLowerCase(Locale.ROOT);
        d.add(new StringField(name, v, Field.Store.YES));
        d.add(new SortedDocValuesField(name, new BytesRef(v)));
    }

    private static void attribute(Document d, String name, String value) {
        if (value != null) {
            d.add(new StoredField("a." + name, value));
        }
    }

    private static void text(Document d, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new TextField(Schema.zh(field), value, Field.Store.NO));
        d.add(new TextField(Schema.words(field), value, Field.Store.NO));
        d.add(new StoredField(Schema.stored(field), value));
    }

    private static void stored(Document d, String field, String value) {
        d.add(new StoredField(Schema.stored(field), value));
    }

    private static void exact(Document d, String field, String value) {
        d.add(new StringField(Schema.exact(field), value, Field.Store.NO));
    }
}
