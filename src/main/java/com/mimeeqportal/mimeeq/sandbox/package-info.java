/**
 * The Mimeeq sandbox: an emulator of the Mimeeq REST API that the portal serves under {@code /sandbox} in demo
 * mode, so the whole portal runs and is tested without the internet. It holds a few built-in accounts, each with
 * one active API key kept in the data directory, and a catalog generated deterministically from the account ids,
 * answered in the shapes documented in {@code mimeeq-api.md}.
 */
package com.mimeeqportal.mimeeq.sandbox;
