/** The generated OpenAPI document and its definition. */
package io.gatehouse.api.docs;
