package org.rapport.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailSessionsTest {

    @AfterEach
    void clear() {
        System.clearProperty(MailSessions.STREAM_PROVIDER_PROPERTY);
    }

    @Test
    void theStreamProviderIsNamedWhileAMailboxRunsAndJakartaMailFindsIt() throws Exception {
        MailSessions.mailboxStarted();
        MailSessions.mailboxStarted();
        String named = System.getProperty(MailSessions.STREAM_PROVIDER_PROPERTY);
        assertThat(named).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(MailSessions.withProvider(StreamProvider::provider).getClass().getName()).isEqualTo(named);

        MailSessions.mailboxStopped();
        assertThat(System.getProperty(MailSessions.STREAM_PROVIDER_PROPERTY)).as("one mailbox still runs").isEqualTo(named);
        MailSessions.mailboxStopped();
        assertThat(System.getProperty(MailSessions.STREAM_PROVIDER_PROPERTY)).as("the last one stopped").isNull();
        MailSessions.mailboxStopped();
        assertThat(System.getProperty(MailSessions.STREAM_PROVIDER_PROPERTY)).isNull();
    }

    @Test
    void aPropertySetElsewhereIsLeftAlone() throws Exception {
        System.setProperty(MailSessions.STREAM_PROVIDER_PROPERTY, "org.example.OtherProvider");
        MailSessions.mailboxStarted();
        MailSessions.mailboxStopped();
        assertThat(System.getProperty(MailSessions.STREAM_PROVIDER_PROPERTY)).isEqualTo("org.example.OtherProvider");
    }
}
