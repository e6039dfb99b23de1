import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';

export type TagTone = 'neutral' | 'primary' | 'red' | 'yellow' | 'green' | 'grey';

export function Tag({ tone, children, className }: { tone: TagTone; children: ReactNode; className?: string }) {
  return <Text className={`tag tag--${tone}${className ? ` ${className}` : ''}`}>{children}</Text>;
}
