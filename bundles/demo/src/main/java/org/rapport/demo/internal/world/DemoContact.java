package org.rapport.demo.internal.world;

/**
 * A person at a client company.
 *
 * @param index the position in {@link World#contacts()}; interactions refer to the contact by it
 * @param companyIndex the company's position in {@link World#companies()}
 * @param name full name, Chinese or English
 * @param title job title in the contact's language, e.g. 财务总监 or Treasury Manager
 * @param email a world-unique address on the company's example domain
 * @param phone a world-unique mobile number in E.164 form, e.g. {@code +8613812345678}
 * @param preferredChannel {@code email}, {@code sms}, {@code webchat} or {@code phone}
 * @param language {@code zh} or {@code en}
 * @param timeZone an IANA zone id, e.g. {@code Asia/Shanghai}
 * @param primary whether this is the company's main contact (the first one)
 */
public record DemoContact(int index, int companyIndex, String name, String title, String email, String phone,
        String preferredChannel, String language, String timeZone, boolean primary) {
}
