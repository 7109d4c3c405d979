/** The part of `flowline start --gateway`'s banner that says what the gateway checks and where tokens come from. */
import type { GatewayConfig } from './config';
import type { RunningGateway } from './gateway';

export function describeGateway(config: GatewayConfig, gateway: RunningGateway, hostOrigin: string): string {
  const limit = config.rateLimit
    ? `${config.rateLimit.limit} requests per ${config.rateLimit.windowMs / 1000} s per caller`
    : 'off';
  const lines = [
    `Gateway on ${gateway.origin} (the host behind it listens on ${hostOrigin}, for the app's own calls):`,
    `\ttokens: issuer ${gateway.authority}, audience ${config.audiences.join(', ')}, algorithms ${config.algorithms.join(', ')}, clock skew ${config.clockSkewSeconds} s`,
    `\tmanagement routes need the role '${config.adminRole}'; rate limit: ${limit}; body limit: ${config.maxBodyBytes} bytes`,
  ];
  if (gateway.devIssuer) {
    lines.push(
      `\tlocal development issuer (keys in ${gateway.devIssuer.dir}); get a token with: flowline token --port ${gateway.port} [--role <role>]`,
    );
  }
  return `${lines.join('\n')}\n`;
}
