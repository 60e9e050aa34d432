/**
 * Shared REST plumbing for Rapport bundles: the JSON mapper, the error body
 * {@code {"error": code, "message": text}}, request size limits and a servlet base class that
 * turns every failure into a proper status instead of a stack trace.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.1.0")
@org.osgi.annotation.bundle.Export
package org.rapport.web;
