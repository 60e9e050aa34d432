/**
 * The education library: articles, guides and video links in Chinese and English, with
 * categories, tags, versions, draft / published state, related articles and view counts; and
 * {@link org.rapport.education.AnswerSource}, the passages that answer a client's question.
 *
 * <p>{@link org.rapport.education.Education} is the library's service; every change is announced
 * on EventAdmin under the topics in {@link org.rapport.education.EducationEvents} after commit.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.education;
