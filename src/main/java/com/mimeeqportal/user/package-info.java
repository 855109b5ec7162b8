/**
 * People who sign in: users with roles, PBKDF2 password hashing, generated passwords, and the users
 * that exist from the first start.
 */
package com.mimeeqportal.user;
