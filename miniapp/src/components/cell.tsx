import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface CellProps {
  title: ReactNode;
  note?: ReactNode;
  value?: ReactNode;
  /** A button at the right end of the row (a call, say), in place of a value. */
  action?: ReactNode;
  /** Shows the chevron and makes the row tappable. */
  onClick?: () => void;
  /** Stable hooks for browser tests: both reach the DOM in the H5 build. */
  id?: string;
  className?: string;
  children?: ReactNode;
}

/** One WeUI list row, at least 56px high so it is easy to tap. */
export function Cell({ title, note, value, action, onClick, id, className, children }: CellProps) {
  const classes = ['cell', onClick ? 'cell--link' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes} id={id} onClick={onClick} hoverClass={onClick ? 'cell--pressed' : 'none'}>
      <View className='cell__body'>
        <Text className='cell__title'>{title}</Text>
        {note ? <Text className='cell__note'>{note}</Text> : null}
        {children}
      </View>
      {value !== undefined && value !== null ? <Text className='cell__value'>{value}</Text> : null}
      {action ? <View className='cell__action'>{action}</View> : null}
      {onClick ? <View className='cell__arrow' /> : null}
    </View>
  );
}

export function CellGroup({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <View className={className}>
      {title ? <Text className='section-title'>{title}</Text> : null}
      <View className='cell-group'>{children}</View>
    </View>
  );
}
