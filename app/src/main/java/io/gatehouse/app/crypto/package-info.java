/** Cryptographic adapters the domain reaches through ports (password hashing). */
package io.gatehouse.app.crypto;
