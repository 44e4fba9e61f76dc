import type { Profile } from '../../config/profile-types.js';

/** A copy of a profile safe to print: stored secrets replaced, env/command references kept. */
export function redactProfile(profile: Profile): Profile {
  const copy: Profile = JSON.parse(JSON.stringify(profile));
  if (copy.sasl?.password !== undefined) copy.sasl.password = '<redacted>';
  if (copy.sasl?.token !== undefined) copy.sasl.token = '<redacted>';
  const registry = copy['schema-registry'];
  if (registry?.password !== undefined) registry.password = '<redacted>';
  if (registry?.token !== undefined) registry.token = '<redacted>';
  // A password written into the URL itself (http://user:secret@host).
  if (registry?.url) registry.url = registry.url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:<redacted>@');
  return copy;
}

export function securityLabel(profile: Profile): string {
  const parts: string[] = [];
  if (profile.tls && profile.tls.enabled !== false) parts.push('TLS');
  if (profile.sasl) parts.push(`SASL ${profile.sasl.mechanism}`);
  return parts.join(' + ') || 'plaintext';
}
