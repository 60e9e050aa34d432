/**
 * Staff security for Rapport: who is calling ({@link org.rapport.security.Principal}), with which
 * {@link org.rapport.security.Role roles}, and the declarations by which other bundles say who may
 * call their REST resources ({@link org.rapport.security.Access}).
 *
 * <p>A REST servlet on the HTTP whiteboard under {@code /api/} declares its access with service
 * properties; the security bundle enforces them for every request before the servlet runs. A
 * resource that declares nothing is denied.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.2.0")
@org.osgi.annotation.bundle.Export
package org.rapport.security;
